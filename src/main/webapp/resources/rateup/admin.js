// Progressive enhancement only: without JavaScript the secret stays selectable in its field.
document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field || !navigator.clipboard) {
        return;
    }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener('click', function () {
        navigator.clipboard.writeText(field.value).then(function () {
            button.textContent = button.getAttribute('data-copied') || 'Copied';
            setTimeout(function () { button.textContent = label; }, 2000);
        });
    });
});

// A running recovery job: the tab follows its progress by loading itself again (a GET, never the form's POST).
var followed = document.querySelector('[data-follow]');
if (followed) {
    setTimeout(function () { window.location.replace(followed.getAttribute('data-follow')); }, 2000);
}
