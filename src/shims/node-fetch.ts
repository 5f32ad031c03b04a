// digest-fetch falls back to `import('node-fetch')` from its own fetch loop, which this action
// never calls (the transport only borrows its header computation). tsconfig "paths" points that
// import here so the bundle ships no node-fetch and ncc emits no extra chunk.
export default function nodeFetchIsNotBundled(): never {
  throw new Error('node-fetch is not bundled with this action');
}
