import type { ReactNode } from 'react';

/** One status figure with its label; a row of these is a `<dl className="tiles">`. */
export function StatTile({ label, children, tone }: { label: string; children: ReactNode; tone?: 'alert' | 'ok' }) {
  return (
    <div className={`tile${tone ? ` tile-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
