/** Organization, project and object ids: 24 hexadecimal digits. */
export const OBJECT_ID = /^[0-9a-f]{24}$/;
