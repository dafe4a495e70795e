/**
 * Node ESM resolve hook: inside @tensorflow packages only, a relative specifier that does not resolve is
 * retried with ".js" and then "/index.js" (their ESM output omits extensions, as bundlers allow).
 */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const parent = context.parentURL ?? '';
    if (specifier.startsWith('.') && parent.includes('/@tensorflow/') && !specifier.endsWith('.js')) {
      try {
        return await nextResolve(`${specifier}.js`, context);
      } catch {
        return await nextResolve(`${specifier}/index.js`, context);
      }
    }
    throw error;
  }
}
