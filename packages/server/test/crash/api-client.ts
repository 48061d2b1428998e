export interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test code reads the JSON answers field by field
  body: any;
  etag: string | null;
}

/** A signed-in browser-like client of a server over HTTP: cookie session and CSRF token on writes. */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  /** First-run setup of a new organisation; the administrator comes back signed in. */
  static async setup(baseUrl: string, email: string, password: string): Promise<{ client: ApiClient; orgId: string }> {
    const response = await fetch(`${baseUrl}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organization: { name: 'Crash Test Forwarding' },
        admin: { name: 'Admin', email, password },
      }),
    });
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(`setup failed: ${response.status} ${await response.text()}`);
    }
    const me = (await response.json()) as { csrfToken: string; organization: { id: string } };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { client: new ApiClient(baseUrl, cookie, me.csrfToken), orgId: me.organization.id };
  }

  async send(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrfToken }),
        ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: parseJson(text), etag: response.headers.get('etag') };
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}
