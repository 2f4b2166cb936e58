export { adminUtilsPallet } from './admin-utils.pallet';
