/** Docusaurus' `useBaseUrl` for components rendered outside the site (baseUrl '/'). */
export default function useBaseUrl(path: string): string {
  return path;
}
