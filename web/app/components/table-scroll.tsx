import type { ReactNode } from 'react';

/**
 * A wide table's own horizontal scroll at 360 px. A region that scrolls must be reachable by keyboard
 * (WCAG 2.1.1; axe's scrollable-region-focusable), so it takes the focus and is named: by `label`, or by
 * the id of its heading or caption (`labelledBy`).
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
