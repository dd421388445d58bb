/*
 * "Start a circle": its time zone defaults to the browser's and lists the zones the browser
 * knows, which only the browser can say; there is nothing to render on the server.
 */
export const ssr = false;
