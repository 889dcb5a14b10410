// What other features use of the audit: who has seen a record (a person's page).
export { WhoHasSeen } from './components/who-has-seen';
