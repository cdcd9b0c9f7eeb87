/**
 * A product CSV of `products` products with 10 variants each (5 colours x 2 sizes), every
 * variant in stock: 1,000 products make the 10,000-row file the importer must handle.
 */
export function tenVariantProductsCsv(products: number, prefix = 'bulk'): string {
  const colours = ['Black', 'White', 'Red', 'Blue', 'Green'];
  const sizes = ['S', 'M'];
  const lines = [
    'handle,name,brand,status,categories,description,option1_name,option1_value,option2_name,option2_value,sku,price,compare_at_price,barcode,weight_grams,stock,low_stock_threshold',
  ];
  for (let p = 0; p < products; p += 1) {
    const handle = `${prefix}-tee-${p}`;
    let first = true;
    for (const colour of colours) {
      for (const size of sizes) {
        const product = first
          ? `Bulk Tee ${p},Fjellrev,draft,lighting,"A soft tee, number ${p}; ""washed"" cotton."`
          : ',,,,';
        first = false;
        const sku = `${prefix}-${p}-${colour}-${size}`.toUpperCase();
        lines.push(
          `${handle},${product},Colour,${colour},Size,${size},${sku},19.90,,,180,${(p % 7) + 1},2`,
        );
      }
    }
  }
  return lines.join('\n') + '\n';
}
