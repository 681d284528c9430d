import { apiFor, errorOf } from '../api/client';
import { langOf } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import { statsFromUrl } from '../lib/stats';
import type { Route } from './+types/statistikk.csv';

/**
 * `Last ned CSV`: the API's CSV of the usage shown (GET /stats/usage?format=csv), fetched with the
 * user's session and passed on as a download, with the API's file name.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['analyst', 'staff']);
  const view = statsFromUrl(new URL(request.url));
  const answer = await apiFor(request, context).client.GET('/stats/usage', {
    params: {
      query: { from: view.fra, to: view.til, groupBy: view.gruppe, format: 'csv', locale: langOf(request) },
    },
    parseAs: 'text',
  });
  const error = errorOf(answer);
  if (error) throw new Response(error.message ?? 'Bad request', { status: error.statusCode });
  return new Response(answer.data, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition':
        answer.response.headers.get('content-disposition') ??
        `attachment; filename="frirom-usage-${view.gruppe}-${view.fra}-${view.til}.csv"`,
    },
  });
}
