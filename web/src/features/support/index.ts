// What other features use of Support: the due board of its requests (the home page lists it).
export { useBoard } from './requests/api/get-board';
