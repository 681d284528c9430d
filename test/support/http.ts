import { recordAnswer } from './answer-check';

/** A small HTTP client over real sockets for the tests. */
export interface Answer<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is, with the given content type (for malformed bodies). */
  raw?: string | Buffer;
  contentType?: string;
  token?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  /**
   * Accept-Language: English unless a test says otherwise, so tests can read the English messages;
   * null sends none (then the user's locale, or bokmål, decides).
   */
  language?: string | null;
}

export class Http {
  constructor(
    readonly baseUrl: string,
    private readonly defaultToken?: string,
  ) {}

  /** The same client, signed in with this token. */
  as(token: string | undefined): Http {
    return new Http(this.baseUrl, token);
  }

  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const url = new URL(path, this.baseUrl);
    for (const [k, v] of Object.entries(options.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    const language = options.language === undefined ? 'en' : options.language;
    const headers: Record<string, string> = { ...(language === null ? {} : { 'accept-language': language }) };
    Object.assign(headers, options.headers);
    const token = options.token ?? this.defaultToken;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Buffer | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
    if (typeof parsed !== 'string')
      recordAnswer({ method, path: url.pathname, status: res.status, body: parsed });
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  }

  get<T = any>(path: string, options?: CallOptions): Promise<Answer<T>> {
    return this.call<T>('GET', path, options);
  }
  post<T = any>(path: string, body?: unknown, options?: CallOptions): Promise<Answer<T>> {
    return this.call<T>('POST', path, { ...options, body });
  }
  put<T = any>(path: string, body?: unknown, options?: CallOptions): Promise<Answer<T>> {
    return this.call<T>('PUT', path, { ...options, body });
  }
  patch<T = any>(path: string, body?: unknown, options?: CallOptions): Promise<Answer<T>> {
    return this.call<T>('PATCH', path, { ...options, body });
  }
  delete<T = any>(path: string, options?: CallOptions): Promise<Answer<T>> {
    return this.call<T>('DELETE', path, options);
  }
}
