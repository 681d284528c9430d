import { OpenAPIObject } from '@nestjs/swagger';
import { apiPathMatcher, isWebPath } from './web-app';

describe('which paths the web app answers', () => {
  it('takes its pages, what is below them and their data requests', () => {
    for (const path of [
      '/',
      '/lokaler',
      '/lokaler/abc',
      '/lokaler.data',
      '/_root.data',
      '/__manifest',
      '/min-side',
    ])
      expect([path, isWebPath(path)]).toEqual([path, true]);
    for (const path of ['/rooms', '/lokalerx', '/public/free-rooms', '/docs'])
      expect([path, isWebPath(path)]).toEqual([path, false]);
  });

  it("knows the API's paths from its OpenAPI document, so other pages get the HTML 404", () => {
    const isApi = apiPathMatcher({
      paths: { '/rooms/{id}': {}, '/public/calendar.ics': {} },
    } as unknown as OpenAPIObject);
    expect(isApi('/rooms/123')).toBe(true);
    expect(isApi('/public/calendar.ics')).toBe(true);
    expect(isApi('/public/calendarxics')).toBe(false);
    expect(isApi('/rooms/123/extra')).toBe(false);
    expect(isApi('/docs/swagger-ui.css')).toBe(true);
    expect(isApi('/finnes-ikke')).toBe(false);
  });
});
