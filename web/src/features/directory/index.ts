// What other features use of the directory: its pickers, how a person is named, its query keys.
export { organisationKeys, personKeys } from './api/keys';
export { OrganisationPicker } from './components/organisation-picker';
export { personName } from './components/person-name';
export { PersonPicker } from './components/person-picker';
