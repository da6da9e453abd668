// HSCP Portal progressive enhancement. Loaded by the layout as an ES module:
//   <script type="module" src="/js/site.js"></script>
// The Content Security Policy forbids inline scripts, so GOV.UK Frontend's inline
// `govuk-frontend-supported` snippet lives here instead. Module scripts are deferred,
// so document.body exists when this runs, and only browsers that GOV.UK Frontend
// supports (those with ES module support) run it at all.
//
// Static imports: if either library fails to load, this module never runs, the body
// classes are never added and every page keeps its no-JavaScript presentation
// (all pages must work without JavaScript).
import { initAll as initGovukFrontend } from '/lib/govuk/govuk-frontend.min.js'
import { initAll as initMojFrontend, FilterToggleButton } from '/lib/moj/moj-frontend.min.js'

// GOV.UK Frontend v5+ styles its enhanced components under .govuk-frontend-supported;
// MOJ Frontend 11 still scopes a few styles (button menu, filter layout, search toggle)
// under .js-enabled.
document.body.classList.add('govuk-frontend-supported', 'js-enabled')

// Each initAll logs (and skips) a component that fails instead of throwing, but guard
// anyway so one library's failure cannot stop the other from initialising.
for (const init of [initGovukFrontend, initMojFrontend]) {
  try {
    init()
  } catch (error) {
    console.error(error)
  }
}

// MOJ's filter toggle is not part of its initAll: a list's filter folds away behind "Show filter" on a phone, and
// "Hide filter" gives the table the full width on a desktop.
for (const filter of document.querySelectorAll('[data-module="moj-filter"]')) {
  try {
    // Shown on a desktop until hidden; folded away on a phone until shown (startHidden would hide it on both).
    // eslint-disable-next-line no-new
    new FilterToggleButton(filter, { bigModeMediaQuery: '(min-width: 48.0625em)', startHidden: false })
  } catch (error) {
    console.error(error)
  }
}

// Wide tables scroll sideways inside their own container rather than widening the page. A container that
// overflows is named by its table's caption, reachable by keyboard (so it can be scrolled without a mouse)
// and shows a hint; one that fits is left as plain markup.
function markScrolling (container) {
  const table = container.querySelector('table')
  const overflows = container.scrollWidth > container.clientWidth + 1
  container.classList.toggle('app-table-scroll--overflows', overflows)
  let hint = container.previousElementSibling
  if (!hint || !hint.classList.contains('app-table-scroll__hint')) {
    hint = document.createElement('p')
    hint.className = 'govuk-body-s app-table-scroll__hint'
    hint.textContent = 'Scroll sideways to see the whole table'
    container.insertAdjacentElement('beforebegin', hint)
  }
  hint.hidden = !overflows
  if (overflows) {
    const caption = table?.caption?.textContent.trim()
    container.setAttribute('role', 'region')
    container.setAttribute('aria-label', caption || 'Table')
    container.setAttribute('tabindex', '0')
  } else {
    container.removeAttribute('role')
    container.removeAttribute('aria-label')
    container.removeAttribute('tabindex')
  }
}

const scrollingTables = document.querySelectorAll('[data-module="app-table-scroll"]')
if (scrollingTables.length > 0) {
  const markAll = () => scrollingTables.forEach(markScrolling)
  markAll()
  let resizing
  window.addEventListener('resize', () => {
    clearTimeout(resizing)
    resizing = setTimeout(markAll, 100)
  })
}

// Type-to-search for long lists of people and organisations (selects marked data-module="app-autocomplete"), with
// GOV.UK's accessible-autocomplete. Without JavaScript, or if the library fails to load, they stay ordinary selects.
// The library is a UMD bundle that defines window.accessibleAutocomplete; it is loaded only on pages that need it.
const searchableSelects = document.querySelectorAll('select[data-module="app-autocomplete"]')
if (searchableSelects.length > 0) {
  import('/lib/accessible-autocomplete/accessible-autocomplete.min.js')
    .then(() => searchableSelects.forEach(enhanceSelect))
    .catch((error) => console.error(error))
}

function enhanceSelect (select) {
  const id = select.id
  const describedBy = select.getAttribute('aria-describedby')
  // The empty option ("Select the person", "The owner's own organisation", "Anyone") is not offered as a match:
  // clearing the field chooses it.
  const empty = [...select.options].find((option) => option.value === '')
  const textOf = (option) => (option.textContent || '').trim()
  const choose = (text) => {
    const match = [...select.options].find((option) => option.value !== '' && textOf(option) === (text || '').trim())
    if (match) {
      match.selected = true
    } else if (empty) {
      empty.selected = true
    }
  }

  window.accessibleAutocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: '',
    showAllValues: true,
    // Confirming with nothing highlighted (typing, then leaving the field) keeps what was typed only if it names an option.
    onConfirm: (text) => choose(text ?? document.getElementById(id)?.value),
    tNoResults: () => 'No matches found'
  })

  const input = document.getElementById(id)
  if (!input) {
    return
  }

  // The hint and error message described the select; they describe the field that replaced it.
  if (describedBy) {
    input.setAttribute('aria-describedby', [describedBy, input.getAttribute('aria-describedby')].filter(Boolean).join(' '))
  }

  // What is sent is what the field shows: text that names no option sends the empty choice, and the server says so.
  input.form?.addEventListener('submit', () => choose(input.value))
}

// Attendance register: show the quorum for the register as it is being filled in. Without
// JavaScript the quorum is shown after saving.
const registerForm = document.getElementById('register-form')
const quorumLive = document.getElementById('quorum-live')
let refreshQuorum = () => {}
if (registerForm && quorumLive) {
  let pending
  refreshQuorum = () => {
    clearTimeout(pending)
    pending = setTimeout(async () => {
      try {
        const response = await fetch(quorumLive.dataset.previewUrl, {
          method: 'POST',
          body: new FormData(registerForm),
          credentials: 'same-origin'
        })
        if (response.ok) {
          quorumLive.innerHTML = await response.text()
        }
      } catch (error) {
        console.error(error)
      }
    }, 150)
  }
  registerForm.addEventListener('change', refreshQuorum)
}

// Attendance register: add rows and mark everyone present without a round trip, and warn before leaving
// with entries that have not been saved. Without JavaScript the same buttons post the whole register and
// the server shows it again, unsaved, with the change made.
if (registerForm) {
  const status = document.getElementById('register-status')
  const announce = (text) => {
    if (status) {
      // Empty first so a repeated message is announced again.
      status.textContent = ''
      setTimeout(() => { status.textContent = text }, 50)
    }
  }

  // The server shows the register unsaved after its add and mark buttons: it starts dirty then.
  let dirty = registerForm.dataset.unsaved === 'true'
  registerForm.addEventListener('input', () => { dirty = true })
  registerForm.addEventListener('change', () => { dirty = true })
  registerForm.addEventListener('submit', () => { dirty = false })
  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault()
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = ''
    }
  })

  const allPresent = registerForm.querySelector('[data-register-all-present]')
  allPresent?.addEventListener('click', (event) => {
    event.preventDefault()
    let marked = 0
    for (const row of registerForm.querySelectorAll('tr[data-register-line]')) {
      const radios = row.querySelectorAll('input[type=radio]')
      if (radios.length > 0 && ![...radios].some((radio) => radio.checked)) {
        radios[0].checked = true
        marked++
      }
    }
    dirty = dirty || marked > 0
    refreshQuorum()
    announce(marked === 0
      ? 'Everyone already has an entry: nothing was changed.'
      : `${marked} ${marked === 1 ? 'person' : 'people'} marked present. Save attendance to keep the register.`)
  })

  const additions = registerForm.querySelector('#register-additions tbody')
  const addRows = registerForm.querySelector('[data-register-add-rows]')
  if (additions && addRows) {
    addRows.textContent = 'Add another person'
    addRows.addEventListener('click', (event) => {
      event.preventDefault()
      const rows = additions.querySelectorAll('tr[data-register-addition]')
      const template = rows[rows.length - 1]
      const index = rows.length
      const row = template.cloneNode(true)
      // Renumber the copy's fields (Additions[4].PersonId, id Additions-4-PersonId) and clear what it holds.
      for (const element of row.querySelectorAll('[name], [id], [for], [aria-describedby]')) {
        for (const attribute of ['name', 'id', 'for']) {
          const value = element.getAttribute(attribute)
          if (value) {
            element.setAttribute(attribute, value.replace(/Additions\[\d+\]/, `Additions[${index}]`).replace(/Additions-\d+-/, `Additions-${index}-`))
          }
        }
        element.removeAttribute('aria-describedby')
      }
      for (const number of row.querySelectorAll('[data-row-number]')) {
        number.textContent = String(index + 1)
      }
      for (const error of row.querySelectorAll('.govuk-error-message')) {
        error.remove()
      }
      for (const group of row.querySelectorAll('.govuk-form-group--error')) {
        group.classList.remove('govuk-form-group--error')
      }
      for (const select of row.querySelectorAll('select')) {
        select.classList.remove('govuk-select--error')
        // The person starts blank; "attending as" starts at its first choice (guest).
        select.selectedIndex = 0
      }
      additions.appendChild(row)
      row.querySelector('select')?.focus()
      announce(`Row ${index + 1} added.`)
    })
  }
}

// PDF downloads that take a while to print (the yearly report): say that the PDF is being prepared, fetch it,
// then hand it to the browser as a download. Without JavaScript the link is an ordinary download. When the
// server cannot print it, follow the link so its error page explains what to do instead.
function pdfStatusFor (link) {
  const existing = link.closest('main')?.querySelector('.app-pdf-status')
  if (existing) {
    return existing
  }
  const region = document.createElement('div')
  region.className = 'app-pdf-status'
  region.setAttribute('aria-live', 'polite')
  link.insertAdjacentElement('afterend', region)
  return region
}

function showPdfStatus (region, text) {
  region.replaceChildren()
  const inset = document.createElement('div')
  inset.className = 'govuk-inset-text'
  inset.textContent = text
  region.appendChild(inset)
}

for (const link of document.querySelectorAll('a[data-module="app-pdf-download"]')) {
  link.addEventListener('click', async (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || link.dataset.busy === 'true') {
      return
    }
    event.preventDefault()
    link.dataset.busy = 'true'
    const region = pdfStatusFor(link)
    // Empty first, then the message, so screen readers announce a region that already exists.
    region.replaceChildren()
    setTimeout(() => showPdfStatus(region, 'Preparing the PDF. This can take up to a minute.'), 50)
    try {
      const response = await fetch(link.href, { credentials: 'same-origin' })
      if (!response.ok || !(response.headers.get('Content-Type') || '').startsWith('application/pdf')) {
        window.location.assign(link.href)
        return
      }
      const blob = await response.blob()
      const disposition = response.headers.get('Content-Disposition') || ''
      const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] || link.pathname.split('/').pop()
      const url = URL.createObjectURL(blob)
      const save = document.createElement('a')
      save.href = url
      save.download = name
      document.body.appendChild(save)
      save.click()
      save.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10000)
      showPdfStatus(region, 'The PDF is ready and has been downloaded.')
    } catch (error) {
      console.error(error)
      window.location.assign(link.href)
    } finally {
      link.dataset.busy = 'false'
    }
  })
}
