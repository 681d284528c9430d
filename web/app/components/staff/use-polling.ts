import { useEffect } from 'react';
import { useRevalidator } from 'react-router';

/**
 * Re-runs the page's loaders every `ms` while the tab is visible, so a list follows what colleagues
 * decide without a reload (polling; only with JavaScript, the page itself works without).
 */
export function usePolling(ms = 15_000): void {
  const revalidator = useRevalidator();
  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle')
        void revalidator.revalidate();
    }, ms);
    return () => window.clearInterval(id);
  }, [ms, revalidator]);
}
