/** Administration (`/admin/*`, role and scope `admin`): users, clients, keys, the audit trail. */
package dev.jwtauth.api.admin;
