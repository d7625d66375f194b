import { useState } from 'react';
import { format, useMessages } from '../../i18n/i18n';
import { contractMessages } from './contract-messages';
import type { ContractVersionRow } from './contract-queries';

/** Every version, newest first, each configuration shown on demand (they are long). */
export function ContractVersions({ versions, current }: { versions: readonly ContractVersionRow[]; current: number }) {
  const t = useMessages(contractMessages);
  const [open, setOpen] = useState<number | null>(null);
  const rows = [...versions].sort((a, b) => b.version - a.version);
  return (
    <div className="table-wrap">
      <table data-section="versions">
        <caption>{t.versions}</caption>
        <thead>
          <tr>
            <th scope="col">{t.version}</th>
            <th scope="col">{t.createdAt}</th>
            <th scope="col">{t.createdBy}</th>
            <th scope="col">{t.changeNote}</th>
            <th scope="col">
              <span className="visually-hidden">{t.editorLabel}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <th scope="row">
                v{v.version}
                {v.version === current ? t.current : ''}
              </th>
              <td>{v.createdAt}</td>
              <td className="muted">{v.createdBy ?? '—'}</td>
              <td data-field="change-note">{v.changeNote ?? '—'}</td>
              <td>
                <button type="button" className="secondary" aria-expanded={open === v.version} onClick={() => setOpen(open === v.version ? null : v.version)}>
                  {format(open === v.version ? t.hideConfiguration : t.showConfiguration, { version: v.version })}
                </button>
                {open === v.version ? <pre className="json-view">{JSON.stringify(v.configuration, null, 2)}</pre> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
