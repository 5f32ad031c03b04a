/** Organization, project and object ids: 24 hexadecimal digits. */
export const OBJECT_ID = /^[0-9a-f]{24}$/;

/** A DNS host name (the migration host), letters, digits, hyphens and dots. */
export const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
