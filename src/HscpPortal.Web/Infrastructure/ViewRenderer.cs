using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HscpPortal.Web.Infrastructure;

/// <summary>
/// Renders a Razor view to a string, for documents that are printed (minutes, the yearly report) rather than
/// sent to the browser. Works inside a request or, for the CLI, without one.
/// </summary>
public sealed class ViewRenderer(IRazorViewEngine engine, IModelMetadataProvider metadata, IServiceProvider services)
{
    /// <summary>Set in ViewData for a printed document: its layout inlines the stylesheet instead of linking it.</summary>
    public const string ForPrintKey = "Document.ForPrint";

    /// <param name="viewPath">An app-relative path such as "/Features/Minutes/Print.cshtml".</param>
    /// <param name="context">The current request's context; null outside a request (the CLI).</param>
    public async Task<string> RenderAsync<TModel>(
        string viewPath, TModel model, ActionContext? context = null, IDictionary<string, object?>? viewData = null)
    {
        context ??= new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The view {viewPath} was not found. Looked in: {string.Join(", ", found.SearchedLocations)}");
        }

        var data = new ViewDataDictionary<TModel>(metadata, new ModelStateDictionary()) { Model = model };
        foreach (var (key, value) in viewData ?? new Dictionary<string, object?>())
        {
            data[key] = value;
        }

        await using var writer = new StringWriter();
        // TempData through a provider that stores nothing, so rendering a document never sets a cookie.
        var tempData = new TempDataDictionary(context.HttpContext, NoTempData.Instance);
        var viewContext = new ViewContext(context, found.View, data, tempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString();
    }

    private sealed class NoTempData : ITempDataProvider
    {
        public static readonly NoTempData Instance = new();

        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }
}
