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
