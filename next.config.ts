import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // A self-contained server for the Docker image.
  output: 'standalone',
  // A second server in the same checkout (the launcher test beside a dev server) needs its own build folder.
  distDir: process.env.LAGON_NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Readers' search: jieba is a native addon that reads its dictionary beside itself, loaded by Node, not bundled.
  serverExternalPackages: ['@node-rs/jieba'],
  images: { formats: ['image/avif', 'image/webp'], localPatterns: [{ pathname: '/api/media/file/**' }] },
  experimental: {
    // Pages and data Next renders are kept in memory (SITE_NEXT_CACHE_MB, src/server/main.ts), not also written to
    // the build folder: a cold guide page wrote a dozen files (its HTML, RSC, segments, each read),
    // a fifth of its render's time, and an instance's disk copy outlived changes made while it was down.
    isrFlushToDisk: false,
    // Each route's server bundle is loaded on its first request, not all at start: each holds its own
    // copy of Payload and its config (about 6 MB of code, 9.4 MB as V8 keeps its source), nine of them,
    // 84 MB of an instance's heap for routes it may never serve (docs/scaling.md, "Memory").
    preloadEntriesOnStart: false,
  },
}

const payloadConfig = withPayload(nextConfig, { devBundleServerPackages: false })

/**
 * withPayload asks every response for the reader's colour scheme (Accept-CH + Critical-CH),
 * which makes Chromium restart a first navigation. Only the admin uses it: the site does not
 * get those headers.
 */
const adminOnlyClientHints = async () =>
  (await payloadConfig.headers!()).map((rule) =>
    rule.source === '/:path*' ? { ...rule, source: '/admin/:path*' } : rule,
  )

export default { ...payloadConfig, headers: adminOnlyClientHints } satisfies NextConfig
