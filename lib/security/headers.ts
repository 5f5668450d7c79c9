/**
 * The request-dependent security headers, sent by proxy.ts; the fixed ones
 * (nosniff, Referrer-Policy…) are in next.config.js, which also covers static files.
 */

/** Two years, subdomains included: the value hstspreload.org asks for. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export interface ContentSecurityPolicyOptions {
  nonce: string;
  /** React needs eval in development only, to rebuild server stacks in the browser. */
  development: boolean;
  https: boolean;
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets Next's own loader
 * add its chunks); styles allow inline attributes because React and recharts write
 * `style="…"`, which a nonce cannot cover.
 */
export function contentSecurityPolicy({ nonce, development, https }: ContentSecurityPolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Whether the client reached us over HTTPS: directly, or through a reverse proxy that says so. */
export function isHttpsRequest(requestUrl: string, forwardedProto: string | null): boolean {
  if (forwardedProto) return forwardedProto.split(",")[0]!.trim().toLowerCase() === "https";
  return requestUrl.startsWith("https://");
}
