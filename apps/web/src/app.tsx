import { useState } from 'react';
import { closeSocket } from './api/client';
import { forgetToken, storedToken } from './api/session';
import { LaunchBoard } from './pages/launch-board';
import { LaunchList } from './pages/launch-list';
import { SignIn } from './pages/sign-in';
import { TeamChecklist } from './pages/team-checklist';
import { Link, routeOf, usePath } from './router';

export const App = () => {
  const [token, setToken] = useState(storedToken);
  const path = usePath();
  if (token === null) return <SignIn onSignedIn={setToken} />;
  const signOut = () => {
    forgetToken();
    closeSocket();
    setToken(null);
  };
  const route = routeOf(path);
  return (
    <>
      <header className="top">
        <Link to="/">tminus</Link>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        {route.page === 'list' && <LaunchList token={token} />}
        {route.page === 'board' && (
          <LaunchBoard key={route.launchKey} token={token} launchKey={route.launchKey} />
        )}
        {route.page === 'checklist' && (
          <TeamChecklist
            key={`${route.launchKey}/${route.teamKey}`}
            token={token}
            launchKey={route.launchKey}
            teamKey={route.teamKey}
          />
        )}
        {route.page === 'not-found' && (
          <>
            <h1>Page not found</h1>
            <p>
              <Link to="/">Back to the launches</Link>
            </p>
          </>
        )}
      </main>
    </>
  );
};
