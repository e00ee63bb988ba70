import { useSyncExternalStore } from 'react';

// A tiny history router: the admin port answers index.html for every console path (console-static.ts).
const NAVIGATE = 'cang:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const currentLocation = () => window.location.pathname + window.location.search;

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const location = useSyncExternalStore(subscribe, currentLocation);
  const [path = '/', query = ''] = location.split('?');
  return { path: decodeURI(path), search: new URLSearchParams(query) };
}

/** Goes to a console path. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentLocation()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
  window.scrollTo(0, 0);
}

/** The console path of a screen with an identifier, e.g. `/organisations/VN-HP/GOV/STP`. */
export function pathOf(base: string, id: string): string {
  return `${base}/${id
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/')}`;
}
