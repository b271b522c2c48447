declare module 'virtual:custom-elements-manifest' {
  import type { Package } from 'custom-elements-manifest/schema';
  const manifest: Package;
  export default manifest;
}
