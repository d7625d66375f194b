import { useEffect, useRef, useState } from 'react';
import { gqlDocument, type GraphqlRequestError } from '../../api/graphql-client';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { scheduleMessages } from './schedule-messages';

const EXPORT_FIELDS = gqlDocument(
  'fragment ExportFields on Export { id status format fileName byteSize error downloadPath }',
);
const REQUEST_EXPORT = gqlDocument(
  'mutation RequestExport($input: RequestExportInput!) { requestExport(input: $input) { ...ExportFields } }',
  [EXPORT_FIELDS],
);
const EXPORT = gqlDocument('query Export($id: ID!) { export(id: $id) { ...ExportFields } }', [EXPORT_FIELDS]);

/** Polls `export(id)` every second while it is queued (the render job runs in the worker). */
function ExportStatus({ id }: { id: string }) {
  const t = useMessages(scheduleMessages);
  const { token } = useSession();
  const query = useGraphqlQuery(EXPORT, { id });
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  const status = query.status === 'ready' ? query.data.export.status : null;
  useEffect(() => {
    if (status !== 'QUEUED') return;
    const timer = window.setTimeout(query.reload, 1000);
    return () => window.clearTimeout(timer);
  }, [status, query.reload, query.data]);

  if (query.status === 'error') return <ErrorState error={query.error} onRetry={query.reload} />;
  if (query.status === 'loading' || query.data.export.status === 'QUEUED')
    return (
      <p role="status" aria-live="polite">
        {t.exportQueued}
      </p>
    );
  const e = query.data.export;
  if (e.status === 'FAILED' || !e.downloadPath)
    return (
      <p role="alert" className="field-error">
        {format(t.exportFailed, { error: e.error ?? e.status })}
      </p>
    );
  const file = e.fileName ?? `export.${e.format.toLowerCase()}`;
  // The download answers only with the Bearer token (no cookie session), so a plain link cannot fetch it: the file
  // is fetched with the header and handed to the browser as a blob.
  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const res = await fetch(e.downloadPath as string, { headers: { authorization: `Bearer ${token ?? ''}` } });
      if (!res.ok) {
        setDownloadError(format(t.downloadFailed, { status: res.status }));
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = link.current as HTMLAnchorElement;
      a.href = url;
      a.download = file;
      a.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <div role="status" aria-live="polite">
      <p>{format(t.exportReady, { file, size: e.byteSize ?? 0 })}</p>
      <button type="button" onClick={() => void download()} disabled={downloading}>
        {downloading ? t.downloading : format(t.download, { file })}
      </button>
      {/* Not in the tab order: the button above is the control; this only carries the blob to the browser. */}
      <a ref={link} hidden tabIndex={-1} aria-hidden="true" />
      {downloadError ? <p className="field-error">{downloadError}</p> : null}
    </div>
  );
}

/** Finance's export: a contract or every contract of the tenant, CSV or XLSX (`requestExport` → `export(id)` → download). */
export function ExportPanel({ contracts }: { contracts: { id: string; code: string; name: string }[] }) {
  const t = useMessages(scheduleMessages);
  const [scope, setScope] = useState('');
  const [fileFormat, setFileFormat] = useState<'CSV' | 'XLSX'>('XLSX');
  const [exportId, setExportId] = useState<string | null>(null);
  const [request, state] = useGraphqlMutation(REQUEST_EXPORT);
  const error: GraphqlRequestError | null = state.error;
  return (
    <section aria-labelledby="export-heading" className="panel">
      <h2 id="export-heading">{t.export}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setExportId(null);
          request({ input: { ...(scope ? { contractId: scope } : {}), format: fileFormat } })
            .then((r) => setExportId(r.requestExport.id))
            .catch(() => undefined); // shown from the mutation's state
        }}
      >
        <FormField label={t.exportScope}>
          {(p) => (
            <select {...p} value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="">{t.allContracts}</option>
              {contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {c.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t.format}>
          {(p) => (
            <select {...p} value={fileFormat} onChange={(e) => setFileFormat(e.target.value as 'CSV' | 'XLSX')}>
              <option value="XLSX">XLSX</option>
              <option value="CSV">CSV</option>
            </select>
          )}
        </FormField>
        <button type="submit" disabled={state.running}>
          {t.requestExport}
        </button>
      </form>
      {error ? <ErrorState error={error} /> : null}
      {exportId ? <ExportStatus key={exportId} id={exportId} /> : null}
    </section>
  );
}
