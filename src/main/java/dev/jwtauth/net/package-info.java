/** IP addresses and ranges as settings name them (trusted proxies, metrics scrapers). */
package dev.jwtauth.net;
