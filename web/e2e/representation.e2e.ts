import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMeeting,
  createPerson,
  createPoleUser,
  deleteMeeting,
  mergePeople,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

// Fictional names and bodies, unique to this file (the e2e files share one database).
const PERSON = 'Zeynep Verhulst';
const SECOND = 'Elif Yilmaz';
const COUNCIL = 'Conseil de concertation Kanaalzone';
const PLATFORM = 'Plateforme logement Ruisbroek';

describe('representation', () => {
  let browser: Browser;
  let elif: string;
  let zeynep: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    zeynep = (await createPerson({ firstName: 'Zeynep', lastName: 'Verhulst', email: uniqueEmail('zeynep') }))
      .id;
    elif = (await createPerson({ firstName: 'Elif', lastName: 'Yilmaz', email: uniqueEmail('elif') })).id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a Connect coordinator log meetings, correct one, count them per year and for a period', async () => {
    const coordinator = await createPoleUser('coordinator', 'connect', 'Hanne Connect');
    const { context, page } = await newPage(browser);
    await signIn(page, coordinator.email, USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Représentation' }).click();
    await see(page.getByRole('heading', { name: 'Représentation', level: 1 }));

    const add = async (day: string, body: string, topic: string) => {
      await page.getByRole('button', { name: 'Ajouter une réunion' }).click();
      const form = page.getByRole('form', { name: 'Ajouter une réunion' });
      await form.getByLabel('Date de la réunion').fill(day);
      await form.getByLabel('Instance').fill(body);
      await form.getByLabel('Sujet').fill(topic);
      await form.getByRole('searchbox', { name: 'Ajouter une personne' }).fill('verhulst');
      await form.getByRole('button', { name: PERSON }).click();
      await see(form.getByRole('list', { name: 'Personnes choisies' }).getByText(PERSON));
      await form.getByRole('button', { name: 'Ajouter la réunion' }).click();
    };
    await add('2025-03-12', COUNCIL, 'Accès au logement des sortants de prison');
    await see(page.getByText(`La réunion du 12/03/2025 (${COUNCIL}) a été ajoutée.`));
    await add('2024-11-05', PLATFORM, 'Préparation du mémorandum');
    await see(page.getByText(`La réunion du 05/11/2024 (${PLATFORM}) a été ajoutée.`));

    const table = page.getByTestId('meetings-table');
    const row = table.getByRole('row').filter({ hasText: COUNCIL });
    expect(await row.locator('th, td').allTextContents()).toEqual([
      '12/03/2025',
      COUNCIL,
      'Accès au logement des sortants de prison',
      PERSON,
      'ModifierSupprimer',
    ]);
    const byYear = page.getByTestId('meetings-by-year');
    await see(byYear.getByText('2025'));
    expect(await byYear.locator('dt').allTextContents()).toEqual(['2025', '2024']);
    expect(await byYear.locator('dd').allTextContents()).toEqual(['1 réunion', '1 réunion']);

    // A correction: the topic.
    await page.getByRole('button', { name: `Modifier la réunion du 12/03/2025 (${COUNCIL})` }).click();
    const edit = page.getByRole('form', { name: 'Modifier la réunion' });
    await edit.getByLabel('Sujet').fill('Sorties de prison et logement');
    // The second attendee chosen leaves the directory before the form is sent (an administrator
    // merges her record into another): the API's refusal naming her is shown at the picker, the
    // person marked, nothing typed lost.
    await edit.getByRole('searchbox', { name: 'Ajouter une personne' }).fill('yilmaz');
    await edit.getByRole('button', { name: SECOND }).click();
    await see(edit.getByRole('list', { name: 'Personnes choisies' }).getByText(SECOND));
    const kept = await createPerson({
      firstName: 'Elif',
      lastName: 'Yilmaz-Aydin',
      email: uniqueEmail('elif2'),
    });
    await mergePeople(kept.id, elif);
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    const attendees = edit.getByRole('group', { name: 'Qui y est allé' });
    await see(attendees.locator('.field__error').getByText("Cette valeur n'est pas valide."));
    await see(attendees.locator('.chip--invalid').getByText(SECOND));
    expect(await attendees.locator('.chip--invalid').count()).toBe(1);
    expect(await edit.getByLabel('Sujet').inputValue()).toBe('Sorties de prison et logement');
    // Taken off the list, the person takes the error with them.
    await edit.getByRole('button', { name: `Retirer ${SECOND}` }).click();
    await attendees.locator('.field__error').waitFor({ state: 'detached' });
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await see(page.getByText(`La réunion du 12/03/2025 (${COUNCIL}) a été modifiée.`));
    await see(row.getByText('Sorties de prison et logement'));

    // The count for a period.
    await page.getByLabel('Du', { exact: true }).fill('2025-01-01');
    await page.getByLabel('Au', { exact: true }).fill('2025-12-31');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await see(page.getByTestId('meetings-total').getByText('1 réunion du 01/01/2025 au 31/12/2025.'));
    await table.getByRole('row').filter({ hasText: PLATFORM }).waitFor({ state: 'detached' });
    await screenshot(page, '50-representation');

    // A mistaken entry is deleted; the year's count follows.
    // A first attempt on an entry a colleague deleted meanwhile is refused, and the dialog says
    // so; the next delete dialog starts clean.
    const twice = await createMeeting({
      heldOn: '2025-06-01',
      body: COUNCIL,
      topic: 'Saisie en double',
      attendeeIds: [zeynep],
    });
    await page.reload();
    const twiceButton = page.getByRole('button', { name: `Supprimer la réunion du 01/06/2025 (${COUNCIL})` });
    const dialog = page.getByRole('dialog', { name: 'Supprimer cette réunion ?' });
    await twiceButton.click();
    await deleteMeeting(twice.id);
    await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await see(dialog.getByRole('alert').getByText("L'élément demandé est introuvable.", { exact: false }));
    await dialog.getByRole('button', { name: 'Annuler', exact: true }).click();
    const deleteButton = page.getByRole('button', {
      name: `Supprimer la réunion du 12/03/2025 (${COUNCIL})`,
    });
    await deleteButton.click();
    await see(dialog.getByText('sera retirée du journal', { exact: false }));
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await see(page.getByText(`La réunion du 12/03/2025 (${COUNCIL}) a été supprimée.`));
    await see(page.getByTestId('meetings-total').getByText('0 réunion du 01/01/2025 au 31/12/2025.'));
    await see(byYear.locator('dt').filter({ hasText: '2024' }));
    expect(await byYear.locator('dt').allTextContents()).toEqual(['2024']);
    await context.close();
  }, 60_000);
});
