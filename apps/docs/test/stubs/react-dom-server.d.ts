// The one function of react-dom/server the component tests use (react-dom ships no types of its own).
declare module 'react-dom/server' {
  export function renderToStaticMarkup(element: import('react').ReactNode): string;
}
