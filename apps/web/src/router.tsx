// Three routes do not need a router library: the path is the state, pushState changes it.
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

export type Route =
  | { readonly page: 'list' }
  | { readonly page: 'board'; readonly launchKey: string }
  | { readonly page: 'checklist'; readonly launchKey: string; readonly teamKey: string }
  | { readonly page: 'not-found' };

export const routeOf = (path: string): Route => {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'list' };
  if (parts[0] !== 'launches') return { page: 'not-found' };
  if (parts.length === 2) return { page: 'board', launchKey: parts[1] };
  if (parts.length === 4 && parts[2] === 'teams') {
    return { page: 'checklist', launchKey: parts[1], teamKey: parts[3] };
  }
  return { page: 'not-found' };
};

const CHANGED = 'tminus:navigate';

export const navigate = (path: string): void => {
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(CHANGED));
};

export const usePath = (): string => {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGED, update);
    };
  }, []);
  return path;
};

export const Link = ({ to, children }: { to: string; children: ReactNode }) => {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={follow}>
      {children}
    </a>
  );
};

export const boardPath = (launchKey: string): string => `/launches/${encodeURIComponent(launchKey)}`;
export const checklistPath = (launchKey: string, teamKey: string): string =>
  `${boardPath(launchKey)}/teams/${encodeURIComponent(teamKey)}`;
