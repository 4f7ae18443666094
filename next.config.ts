import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // A self-contained server for the Docker image.
  output: 'standalone',
  // A second server in the same checkout (the launcher test beside a dev server) needs its own build folder.
  distDir: process.env.LAGON_NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  images: { formats: ['image/avif', 'image/webp'] },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
