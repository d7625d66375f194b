import { Children, type ReactNode } from 'react';

/**
 * A table in its horizontal scroller with a header row of column titles (`scope="col"`): the markup every page's
 * tables repeated. Rows come as children (`<tr>`s with a `<th scope="row">`); `empty` is shown as one full-width row
 * when there are none, so a table never renders an empty body without a word.
 */
export function DataTable({
  columns,
  caption,
  empty,
  testId,
  section,
  className,
  children,
}: {
  columns: readonly ReactNode[];
  caption?: ReactNode;
  empty?: ReactNode;
  testId?: string;
  /** `data-section`, which the e2e tests read. */
  section?: string;
  className?: string;
  children: ReactNode;
}) {
  const hasRows = Children.toArray(children).length > 0;
  return (
    <div className="table-wrap">
      <table data-testid={testId} data-section={section} className={className}>
        {caption !== undefined ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hasRows || empty === undefined ? (
            children
          ) : (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A column title only screen readers hear (a column of buttons, say). */
export function HiddenColumnTitle({ children }: { children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}
