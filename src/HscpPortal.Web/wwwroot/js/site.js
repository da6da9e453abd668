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
import { initAll as initMojFrontend } from '/lib/moj/moj-frontend.min.js'

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
if (registerForm && quorumLive) {
  let pending
  registerForm.addEventListener('change', () => {
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
  })
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
