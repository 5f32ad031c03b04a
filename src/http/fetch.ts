// The one fetch the action uses: undici's, which takes the proxy/CA dispatcher.
// tsconfig "paths" also points digest-fetch's fallback `import('node-fetch')` here, so the
// bundle needs no node-fetch and ncc emits no extra chunk (nor a licences file missing it all).
export { fetch, fetch as default } from 'undici';
