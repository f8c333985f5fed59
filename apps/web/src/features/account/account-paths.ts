/** The signed-in person's own sign-in security: two-step sign-in and recovery codes. */
export const securityPath = "/compte/securite";
