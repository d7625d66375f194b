import { type ReactNode, useEffect } from 'react';
import { useMessages } from '../i18n/i18n';
import { commonMessages } from './common-messages';

/** A page's heading (the one h1, also the document title) and its content. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const app = useMessages(commonMessages).appTitle;
  useEffect(() => {
    document.title = `${title} · ${app}`;
  }, [title, app]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
