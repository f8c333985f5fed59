// The built web app (apps/web/dist): files by path, index.html for the app's own routes.
import { createReadStream, existsSync, statSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { securityHeaders } from "./security-headers.ts";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The directory to serve, or null when the web app has not been built. */
export function webDistDirectory(webDist: string | null | undefined): string | null {
  return webDist && existsSync(webDist) ? normalize(webDist) : null;
}

/**
 * Answers a GET for a file of the web app; false when there is none (the caller answers 404).
 * A path with no extension is one of the app's routes: it gets index.html. Nothing outside
 * `webDist` is ever read; hashed assets are cached for good, everything else revalidated.
 */
export function serveStatic(webDist: string, pathname: string, res: ServerResponse): boolean {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = normalize(join(webDist, relative));
  if (!file.startsWith(webDist + sep) && file !== webDist) return false;
  const hasExtension = extname(file) !== "";
  const target = hasExtension ? file : join(webDist, "index.html");
  if (!existsSync(target) || !statSync(target).isFile()) return false;
  const immutable = target.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    ...securityHeaders,
    "content-type": contentTypes[extname(target)] ?? "application/octet-stream",
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  createReadStream(target).pipe(res);
  return true;
}
