import { DataTable } from '../../components/data-table';
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
    <DataTable columns={[t.version, t.createdAt, t.createdBy, t.changeNote, <span className="visually-hidden">{t.editorLabel}</span>]} caption={t.versions} section="versions">
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
    </DataTable>
  );
}
