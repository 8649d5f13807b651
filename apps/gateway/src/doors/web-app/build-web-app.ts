// `npm run web:build`: builds apps/web into apps/web/dist now (the gateway would at start), e.g. while
// a container image is built, where the running server may not write into its own folders.
import { ensureWebAppBuilt } from './web-app-build';
import { locateWebApp } from './web-app-files';

const location = locateWebApp();
if (location === null) throw new Error('apps/web not found');
ensureWebAppBuilt(location).then(
  (outcome) => console.log(`web app ${outcome}: ${location.distDir}`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
