-- CreateIndex
CREATE INDEX "Report_year_idx" ON "Report"("year");

-- CreateIndex
CREATE INDEX "ReportFigure_editionId_idx" ON "ReportFigure"("editionId");
