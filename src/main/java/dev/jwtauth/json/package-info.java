/** JSON-P from one provider, looked up once instead of on every builder (see {@link Jsons}). */
package dev.jwtauth.json;
