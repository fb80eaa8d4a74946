// `eslint-plugin-tlsguard/runtime`, kept for existing users: the runtime is the tlsguard-runtime package.
export * from 'tlsguard-runtime';
