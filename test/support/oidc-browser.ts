/**
 * A browser as far as an OpenID sign-in needs one: cookies per origin, redirects followed by hand (so a
 * test can stop at the callback, replay it or forge it), the provider's login and consent forms posted.
 */
export class OidcBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  /** `aliases` maps an origin as links name it (frirom's PUBLIC_URL) to where it listens. */
  constructor(private readonly aliases: Record<string, string> = {}) {}

  resolve(url: string | URL): URL {
    const u = new URL(url);
    const target = this.aliases[u.origin];
    return target ? new URL(u.pathname + u.search, target) : u;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(this.resolve(origin)).origin)?.get(name);
  }

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = this.resolve(url);
    const cookies = this.jar.get(target.origin) ?? new Map<string, string>();
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const gone =
        attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a)) || value === '';
      if (gone) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(target.origin, cookies);
    return res;
  }

  /** GETs and follows redirects until `stop` says so (the URL is then not fetched) or a page answers. */
  async follow(
    url: string | URL,
    stop: (url: URL) => boolean = () => false,
  ): Promise<{ url: URL; res?: Response }> {
    let current = this.resolve(url);
    for (let hops = 0; hops < 20; hops += 1) {
      if (stop(current)) return { url: current };
      const res = await this.request(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url: current, res };
      await res.arrayBuffer();
      current = this.resolve(new URL(location, current));
    }
    throw new Error('Too many redirects');
  }

  /** Posts a page's form (its action and hidden fields, plus `fields`) and follows where it leads. */
  async submit(
    page: { url: URL; res?: Response },
    fields: Record<string, string>,
    stop?: (url: URL) => boolean,
  ) {
    const html = await page.res!.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No form on ${page.url.pathname}: ${html.slice(0, 300)}`);
    const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
    const body = new URLSearchParams([
      ...hidden.map(([, k, v]) => [k, v] as [string, string]),
      ...Object.entries(fields),
    ]);
    const res = await this.request(new URL(action.replace(/&amp;/g, '&'), page.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const location = res.headers.get('location');
    if (!location) return { url: page.url, res };
    await res.arrayBuffer();
    return this.follow(new URL(location, page.url), stop);
  }
}

/**
 * Signs `login` in at the provider from frirom's login route and stops at frirom's callback, not yet
 * fetched: the callback URL with the provider's code and state.
 */
export async function throughProvider(
  browser: OidcBrowser,
  appUrl: string,
  provider: string,
  login: string,
  next?: string,
): Promise<URL> {
  const atCallback = (u: URL) => u.pathname === `/auth/oidc/${provider}/callback`;
  const query = next ? `?neste=${encodeURIComponent(next)}` : '';
  let page = await browser.follow(`${appUrl}/auth/oidc/${provider}/login${query}`, atCallback);
  for (let step = 0; step < 4 && !atCallback(page.url); step += 1) {
    const html = page.res ? await page.res.clone().text() : '';
    const fields: Record<string, string> = html.includes('name="login"') ? { login, password: 'any' } : {};
    page = await browser.submit(page, fields, atCallback);
  }
  if (!atCallback(page.url)) throw new Error(`Did not reach the callback: ${page.url.href}`);
  return page.url;
}
