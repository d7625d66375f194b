import { DataTable } from '../../components/data-table';
import { useState } from 'react';
import { formatDateTime } from '../../i18n/local-format';
import { format, useMessages } from '../../i18n/i18n';
import { contractMessages } from './contract-messages';
import type { ContractVersionRow } from './contract-queries';

type Text = Readonly<Record<'createdEmpty' | 'createdFromPreset', string>>;

/**
 * The notes the API writes itself when a contract is created ("created", "created from preset <id>"), in the
 * reader's language; a note a buyer typed is shown as typed.
 */
function noteText(note: string | null, t: Text, preset: { id: string | null; title: string }): string {
  if (note === null || note === '') return '—';
  if (note === 'created') return t.createdEmpty;
  const fromPreset = /^created from preset (\S+)$/.exec(note);
  if (fromPreset)
    return format(t.createdFromPreset, { title: fromPreset[1] === preset.id ? preset.title : fromPreset[1] });
  return note;
}

/** Every version, newest first, each configuration shown on demand (they are long); authors by name, times in Beijing time. */
export function ContractVersions({
  versions,
  current,
  preset,
}: {
  versions: readonly ContractVersionRow[];
  current: number;
  preset: { id: string | null; title: string };
}) {
  const t = useMessages(contractMessages);
  const [open, setOpen] = useState<number | null>(null);
  const rows = [...versions].sort((a, b) => b.version - a.version);
  return (
    <DataTable
      columns={[
        t.version,
        t.createdAt,
        t.createdBy,
        t.changeNote,
        <span className="visually-hidden">{t.editorLabel}</span>,
      ]}
      caption={t.versions}
      section="versions"
    >
      {rows.map((v) => (
        <tr key={v.version} data-version={v.version}>
          <th scope="row">
            v{v.version}
            {v.version === current ? t.current : ''}
          </th>
          <td data-field="created-at">{formatDateTime(v.createdAt)}</td>
          <td className="muted" data-field="created-by">
            {v.createdByName ?? (v.createdBy ? t.unknownAuthor : '—')}
          </td>
          <td data-field="change-note">{noteText(v.changeNote, t, preset)}</td>
          <td>
            <button
              type="button"
              className="secondary"
              aria-expanded={open === v.version}
              onClick={() => setOpen(open === v.version ? null : v.version)}
            >
              {format(open === v.version ? t.hideConfiguration : t.showConfiguration, { version: v.version })}
            </button>
            {open === v.version ? <pre className="json-view">{JSON.stringify(v.configuration, null, 2)}</pre> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
