export const W = 1;
