// Swagger UI on the app's own OpenAPI document (/openapi); "Try it out" calls the API of this server.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({ url: '../openapi', dom_id: '#swagger-ui', deepLinking: true });
});
