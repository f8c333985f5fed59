/**
 * Headers every page, file and GraphQL answer carries: no content sniffing, no referrer, no
 * framing, no opener or cross-origin embedding, https remembered, and a strict content policy:
 * only the app's own scripts, styles, fonts, images and workers, no inline script or style
 * element, no plugin, no other site to talk to (the browser tests fail on any violation:
 * e2e/browser.ts).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

export const securityHeaders = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "content-security-policy": contentSecurityPolicy,
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  // Ignored by browsers over plain http (loopback development); behind TLS, https only for a year.
  "strict-transport-security": "max-age=31536000",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};
