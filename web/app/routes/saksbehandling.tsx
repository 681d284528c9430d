import { Outlet } from 'react-router';
import { StaffNav } from '../components/staff/staff-nav';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling';
// The venue and season pages' grids and calendars.
import '../staff-pages.css';

/** The staff pages' frame: staff only, with the sub-navigation above each page. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  return null;
}

export default function StaffLayout() {
  return (
    <>
      <StaffNav />
      <Outlet />
    </>
  );
}
