import type { RouteConfig } from '@react-router/dev/routes';
import { flatRoutes } from '@react-router/fs-routes';

// One file a page in app/routes, named after its path: lokaler.$roomId.tsx is /lokaler/:roomId,
// _index.tsx is /, $.tsx catches every other path (the 404 page).
export default flatRoutes() satisfies RouteConfig;
