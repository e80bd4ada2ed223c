/** The edge: route and action wrappers, the shared parsers, the error response. */
export { errorResponse, readJson, MAX_BODY_BYTES } from "./response";
