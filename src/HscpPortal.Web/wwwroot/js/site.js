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
